namespace OrleansMlops.Abstractions.Workflows;

/// <summary>Whether runs may start a workflow version. Versions stored before approvals existed read as startable.</summary>
public enum WorkflowVersionStatus
{
    Startable,

    /// <summary>Published by a designer; a second designer must approve it before any run starts it.</summary>
    AwaitingApproval,

    /// <summary>A second designer refused it; no run ever starts it (publishing the same content again returns it, still rejected).</summary>
    Rejected,
}
