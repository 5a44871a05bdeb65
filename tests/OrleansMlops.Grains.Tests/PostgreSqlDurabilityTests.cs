namespace OrleansMlops.Grains.Tests;

/// <summary>The durability guarantees with grain state, reminders and read models on PostgreSQL.</summary>
public sealed class PostgreSqlDurabilityTests : DurabilityTests
{
    protected override string DropDecisionLogGuards =>
        "DROP TRIGGER gate_rule_results_no_update_or_delete ON gate_rule_results; DROP TRIGGER gate_decisions_no_update_or_delete ON gate_decisions; ";

    public override Task InitializeAsync() => Setup.UsePostgreSqlAsync();
}
