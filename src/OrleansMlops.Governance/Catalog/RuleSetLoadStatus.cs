namespace OrleansMlops.Governance.Catalog;

public enum RuleSetLoadStatus
{
    /// <summary>New content passed every check and is now the active version.</summary>
    Activated,

    /// <summary>Same bytes as the active version; nothing was recompiled.</summary>
    Unchanged,

    /// <summary>The content was refused; the previous version, if any, stays active.</summary>
    Refused,

    /// <summary>The file disappeared; its rule set no longer gates anything.</summary>
    Removed,
}
