using System.Collections.Frozen;
using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Security;

/// <summary>
/// The one table of who may do what, used by every HTTP endpoint and by the grains. Admin manages roles and nothing
/// else: separation of duties means no role can both change the rules of the game and play it.
/// </summary>
public static class RolePermissions
{
    private static readonly FrozenDictionary<Permission, ImmutableArray<string>> Table = new Dictionary<Permission, ImmutableArray<string>>
    {
        [Permission.Read] = Roles.All,
        [Permission.ReadAudit] = [Roles.Auditor, Roles.ComplianceAuthor, Roles.Validator, Roles.Approver, Roles.ModelRiskHead, Roles.Admin],
        [Permission.ReadPredictions] = [Roles.Auditor, Roles.DataScientist, Roles.Validator, Roles.CreditOfficer],
        [Permission.StartRun] = [Roles.DataScientist, Roles.Deployer],
        [Permission.RetryRun] = [Roles.DataScientist, Roles.Deployer],
        [Permission.CompleteTask] = [Roles.Validator, Roles.Approver, Roles.ModelRiskHead, Roles.Deployer],
        [Permission.PublishWorkflow] = [Roles.Designer],
        [Permission.ActivateRuleSet] = [Roles.ComplianceAuthor],
        [Permission.TestRuleSet] = [Roles.ComplianceAuthor, Roles.Auditor],
        [Permission.Release] = [Roles.Deployer],
        [Permission.TagModel] = [Roles.DataScientist, Roles.Validator],
        [Permission.ReportMonitoring] = [Roles.Monitoring, Roles.DataScientist],
        [Permission.Predict] = [Roles.Consumer],
        [Permission.OverridePrediction] = [Roles.CreditOfficer],
        [Permission.WorkExternalTasks] = [Roles.Worker],
        [Permission.ManageRoles] = [Roles.Admin],
        [Permission.ViewClusterDashboard] = [Roles.Operator],
    }.ToFrozenDictionary();

    /// <summary>The roles that grant <paramref name="permission"/>.</summary>
    public static ImmutableArray<string> RolesFor(Permission permission) => Table[permission];

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(role => Table[permission].Contains(role, StringComparer.Ordinal));
}
