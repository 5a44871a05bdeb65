using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Security;

/// <summary>
/// The roles a person or service can hold. The first seven are the control roles of model-risk practice; the others
/// name the remaining people and services the engine serves, so no one needs a broader role than their job.
/// </summary>
public static class Roles
{
    public const string DataScientist = "data-scientist";
    public const string Validator = "validator";
    public const string Approver = "approver";
    public const string Deployer = "deployer";
    public const string ComplianceAuthor = "compliance-author";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    /// <summary>Draws and publishes workflows.</summary>
    public const string Designer = "designer";

    /// <summary>Signs off what a plain approver may not (high-risk exceptions), as the workflows name it.</summary>
    public const string ModelRiskHead = "model-risk-head";

    /// <summary>A service that does stage work through the external task API.</summary>
    public const string Worker = "worker";

    /// <summary>A service that reports monitoring metrics of deployed models.</summary>
    public const string Monitoring = "monitoring";

    /// <summary>A service that asks a deployed model for predictions.</summary>
    public const string Consumer = "consumer";

    /// <summary>A person who reviews automated credit decisions and may override them (human oversight).</summary>
    public const string CreditOfficer = "credit-officer";

    /// <summary>Runs the platform: watches the cluster's health and load, with no say over models, rules or runs.</summary>
    public const string Operator = "operator";

    public static ImmutableArray<string> All { get; } =
    [
        DataScientist, Validator, Approver, Deployer, ComplianceAuthor, Auditor, Admin,
        Designer, ModelRiskHead, Worker, Monitoring, Consumer, CreditOfficer, Operator,
    ];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
