using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The people of the harness, seeded into the role directory (roles come from there, never from the call).
/// Dora starts releases (bench-release.bpmn is started by deployers); Alice starts the runs that wait for a sign-off;
/// Vera signs them off: a validator from a unit other than Alice's, so the four-eyes invariant and MRM-3 pass.
/// </summary>
internal static class BenchPrincipals
{
    public static readonly Actor Dora = new("dora", [Roles.Deployer], "ml-platform");
    public static readonly Actor Alice = new("alice", [Roles.DataScientist], "retail-credit-analytics");
    public static readonly Actor Vera = new("vera", [Roles.Validator], "model-validation");

    public static ImmutableArray<SeededPrincipal> Directory { get; } =
        [.. new[] { Dora, Alice, Vera }.Select(a => new SeededPrincipal(a.Id, a.Roles, a.Unit))];
}
