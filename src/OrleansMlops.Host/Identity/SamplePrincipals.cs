using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Identity;

/// <summary>The README walkthrough's people and services, given their roles in development mode only.</summary>
public static class SamplePrincipals
{
    public static ImmutableArray<SeededPrincipal> People { get; } =
    [
        new("alice", [Roles.DataScientist], "retail-credit-analytics"),
        new("vera", [Roles.Validator], "model-validation"),
        new("bob", [Roles.Approver], "model-risk-management"),
        new("carol", [Roles.ModelRiskHead], "model-risk-management"),
        new("dora", [Roles.Deployer], "ml-platform"),
        new("colin", [Roles.ComplianceAuthor], "compliance"),
        new("cora", [Roles.ComplianceAuthor], "compliance"),
        new("dana", [Roles.Designer], "ml-platform"),
        new("devon", [Roles.Designer], "ml-platform"),
        new("audrey", [Roles.Auditor], "internal-audit"),
        new("olga", [Roles.CreditOfficer], "retail-lending"),
        new("ada", [Roles.Admin], "security-administration"),
        new("adam", [Roles.Admin], "security-administration"),
        new("otto", [Roles.Operator], "platform-operations"),
    ];

    /// <summary>A sample person as the actor the grain API takes.</summary>
    public static Actor Person(string id)
    {
        var person = People.Single(p => p.Id == id);
        return new Actor(person.Id, person.Roles, person.Unit);
    }

    /// <summary>Services that sign in with an API key generated at first start.</summary>
    public static ImmutableArray<SeededPrincipal> Services { get; } =
    [
        new("sample-worker", [Roles.Worker], "ml-platform"),
        new("credit-monitoring-service", [Roles.Monitoring], "ml-platform"),
        new("loan-origination", [Roles.Consumer], "retail-lending"),
    ];
}
