using Microsoft.Extensions.Logging;

namespace OrleansMlops.Governance;

internal static partial class GovernanceLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Rule set {RuleSetId} v{Version} ({ContentHash}) activated by {ActivatedBy}")]
    public static partial void RuleSetActivated(ILogger logger, string ruleSetId, int version, string contentHash, string activatedBy);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Activation of a rule set by {ActivatedBy} refused in phase {Phase}; nothing changed")]
    public static partial void ActivationRefused(ILogger logger, string activatedBy, GovernancePhase phase, Exception error);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Rule set file {File} refused in phase {Phase}; rule set {RuleSetId} v{Version} stays in force")]
    public static partial void RefusedKeepingPrevious(ILogger logger, string file, GovernancePhase phase, string ruleSetId, int version, Exception error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Rule set file {File} refused in phase {Phase}; it has no version in force, so {Scope} is blocked until it is fixed")]
    public static partial void RefusedBlocking(ILogger logger, string file, GovernancePhase phase, string scope, Exception error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Rule set {RuleSetId} v{Version} is no longer in force: its file {File} was removed")]
    public static partial void RuleSetRemoved(ILogger logger, string ruleSetId, int version, string file);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Policies folder {Directory} cannot be read; every transition without a rule set in force is blocked")]
    public static partial void FolderUnreadable(ILogger logger, string directory, Exception error);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Governance catalog {Directory}: {ActiveCount} rule sets in force, {RefusedCount} refused files blocking")]
    public static partial void CatalogLoaded(ILogger logger, string directory, int activeCount, int refusedCount);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Gate {Transition} of run {RunId} allowed (decision {DecisionId}, {RuleSetCount} rule sets, {DurationMs} ms)")]
    public static partial void DecisionAllowed(ILogger logger, string runId, string transition, string decisionId, int ruleSetCount, double durationMs);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Gate {Transition} of run {RunId} blocked (decision {DecisionId}): {FailedRules}")]
    public static partial void DecisionBlocked(ILogger logger, string runId, string transition, string decisionId, string failedRules);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Gate {Transition} of run {RunId} could not decide, blocked (decision {DecisionId}): {Error}")]
    public static partial void DecisionError(ILogger logger, string runId, string transition, string decisionId, string? error);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "Gate {Transition} of run {RunId} exceeded its time budget of {BudgetMs} ms (decision {DecisionId}); blocked as a governance error")]
    public static partial void BudgetExceeded(ILogger logger, string runId, string transition, string decisionId, double budgetMs);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error, Message = "Gate {Transition} of run {RunId} failed while evaluating (decision {DecisionId})")]
    public static partial void EvaluationFailed(ILogger logger, string runId, string transition, string decisionId, Exception error);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Watching {Directory} for rule set changes")]
    public static partial void WatchStarted(ILogger logger, string directory);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Error, Message = "Reloading rule sets from {Directory} failed; the rule sets in force are unchanged")]
    public static partial void ReloadFailed(ILogger logger, string directory, Exception error);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "The watcher of {Directory} reported an error; reloading everything")]
    public static partial void WatcherError(ILogger logger, string directory, Exception error);
}
