namespace OrleansMlops.Governance;

/// <summary>The step at which a rule set was refused, or a rule could not be evaluated.</summary>
public enum GovernancePhase
{
    /// <summary>Reading the file: JSON syntax, the header, the rule set's structure.</summary>
    Load,

    /// <summary>Parsing and type-checking an expression against the typed gate input.</summary>
    Compile,

    /// <summary>An expression or feature that could reach outside the input or burn unbounded CPU or memory.</summary>
    Safety,

    /// <summary>Running a rule against a real input.</summary>
    Evaluate,
}
