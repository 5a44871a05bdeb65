namespace OrleansMlops.Grains.Runs;

/// <summary>The parts people play in a run, as recorded in <see cref="RunGrainState.Actors"/>.</summary>
internal static class RunRoles
{
    public const string Trainer = "trainer";
    public const string Validator = "validator";
    public const string Approver = "approver";
}
