namespace OrleansMlops.Abstractions.Security;

/// <summary>What a caller asks to do. <see cref="RolePermissions"/> says which roles may.</summary>
public enum Permission
{
    /// <summary>Read workflows, runs, models, rule sets, decisions and open tasks.</summary>
    Read,

    /// <summary>Read audit trails and role changes.</summary>
    ReadAudit,

    /// <summary>Read the prediction log (inputs of real applicants).</summary>
    ReadPredictions,

    StartRun,
    RetryRun,

    /// <summary>Complete a user task; the task's candidate roles decide further.</summary>
    CompleteTask,

    PublishWorkflow,
    ActivateRuleSet,

    /// <summary>Run a rule set's fixtures or dry-run it against past decisions.</summary>
    TestRuleSet,

    /// <summary>Promote a version, roll an environment back, move aliases.</summary>
    Release,

    TagModel,
    ReportMonitoring,
    Predict,
    OverridePrediction,
    WorkExternalTasks,

    /// <summary>Request, approve and reject role grants and revocations; suspend accounts.</summary>
    ManageRoles,

    /// <summary>Open the Orleans dashboard: silos, grain activations, call rates and grain state.</summary>
    ViewClusterDashboard,
}
