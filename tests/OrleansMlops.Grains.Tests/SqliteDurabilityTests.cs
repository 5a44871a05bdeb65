namespace OrleansMlops.Grains.Tests;

/// <summary>The durability guarantees on the embedded default.</summary>
public sealed class SqliteDurabilityTests : DurabilityTests
{
    protected override string DropDecisionLogGuards => "DROP TRIGGER gate_rule_results_no_delete; DROP TRIGGER gate_decisions_no_delete; ";
}
