namespace OrleansMlops.Grains.Tests;

/// <summary>The durability guarantees on the embedded default.</summary>
public sealed class SqliteDurabilityTests : DurabilityTests
{
    protected override string RefuseDecisionAppends => "CREATE TRIGGER refuse_decisions BEFORE INSERT ON gate_decisions BEGIN SELECT RAISE(ABORT, 'refused'); END;";

    protected override string AllowDecisionAppends => "DROP TRIGGER refuse_decisions;";

    protected override string HoldStateWrites => "DELETE FROM grain_state WHERE 0;";
}
