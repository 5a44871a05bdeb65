namespace OrleansMlops.Governance.Fixtures;

/// <summary>One fixture case: a name, the gate input (after applying it to the file's base), and what is expected.</summary>
public sealed record FixtureCase(string Name, Abstractions.Governance.GateInput Input, FixtureExpectation Expect);
