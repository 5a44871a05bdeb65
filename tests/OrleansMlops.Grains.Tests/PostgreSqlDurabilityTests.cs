namespace OrleansMlops.Grains.Tests;

/// <summary>The durability guarantees with grain state, reminders and read models on PostgreSQL.</summary>
public sealed class PostgreSqlDurabilityTests : DurabilityTests
{
    protected override string RefuseDecisionAppends =>
        "CREATE FUNCTION refuse_decisions() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$; "
        + "CREATE TRIGGER refuse_decisions BEFORE INSERT ON gate_decisions FOR EACH ROW EXECUTE FUNCTION refuse_decisions();";

    protected override string AllowDecisionAppends => "DROP TRIGGER refuse_decisions ON gate_decisions; DROP FUNCTION refuse_decisions();";

    protected override string HoldStateWrites => "LOCK TABLE grain_state IN EXCLUSIVE MODE;";

    public override Task InitializeAsync() => Setup.UsePostgreSqlAsync();
}
