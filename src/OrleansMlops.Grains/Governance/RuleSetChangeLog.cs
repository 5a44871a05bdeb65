using Microsoft.Extensions.Logging;

namespace OrleansMlops.Grains.Governance;

internal static partial class RuleSetChangeLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Rule set change {Kind}: {ProposalId} for {RuleSetId} by {Actor}")]
    public static partial void Changed(ILogger logger, string kind, string proposalId, string ruleSetId, string actor);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Rule set {RuleSetId} v{Version} replaced v{PreviousVersion} from the policies folder ({ActivatedBy}) without a proposal: the operator's path, chained into the rule set audit trail")]
    public static partial void OperatorChange(ILogger logger, string ruleSetId, int version, int previousVersion, string activatedBy);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information, Message = "Rule set {RuleSetId} v{Version} installed from the policies folder ({ActivatedBy}), chained into the rule set audit trail")]
    public static partial void OperatorInstall(ILogger logger, string ruleSetId, int version, string activatedBy);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Error, Message = "The rule set change grain could not persist {Kind}; it is refused and the state is as the last commit left it")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Proposal {ProposalId} for {RuleSetId} loosens the rule set: {NewlyAllowed} recorded decision(s) that were blocked would be allowed")]
    public static partial void Loosens(ILogger logger, string proposalId, string ruleSetId, int newlyAllowed);
}
