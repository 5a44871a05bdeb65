using System.Globalization;
using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>Reads <c>task</c>/<c>serviceTask</c> as stage tasks and <c>userTask</c> as decisions, from their mlops attributes.</summary>
internal static class TaskReader
{
    public const int MaxRetries = 100;

    public const string DefaultOutcomeVariable = "approved";

    public static StageTask? ReadStageTask(XElement element, string id, BpmnLoadOptions options, ProblemList problems)
    {
        var accepted = CheckActivity(element, problems);
        var attributes = MlopsAttributes.Of(element);

        var stage = attributes.Get(MlopsBpmn.Stage) ?? options.UnboundTaskStage;
        if (stage is null)
        {
            problems.Add(element, $"the task has no mlops:{MlopsBpmn.Stage}; bind it to a stage handler kind, e.g. mlops:stage=\"train\"");
            accepted = false;
        }

        var retries = 0;
        if (attributes.Get(MlopsBpmn.Retries) is { } retriesText
            && (!int.TryParse(retriesText, NumberStyles.None, CultureInfo.InvariantCulture, out retries) || retries > MaxRetries))
        {
            problems.Add(element, $"mlops:{MlopsBpmn.Retries} must be a whole number from 0 to {MaxRetries}, not '{retriesText}'");
            accepted = false;
        }

        var backoff = RetryPolicy.DefaultBackoff;
        if (attributes.Get(MlopsBpmn.RetryBackoff) is { } backoffText && !IsoDuration.TryParse(backoffText, out backoff, out var error))
        {
            problems.Add(element, $"mlops:{MlopsBpmn.RetryBackoff}: {error}");
            accepted = false;
        }

        if (!accepted || stage is null)
        {
            return null;
        }

        var properties = attributes.Except(MlopsBpmn.Stage, MlopsBpmn.Retries, MlopsBpmn.RetryBackoff);
        return new StageTask(id, element.DisplayName(), element.Line(), stage, properties, new RetryPolicy(retries, backoff));
    }

    public static UserTask? ReadUserTask(XElement element, string id, BpmnLoadOptions options, ProblemList problems)
    {
        var accepted = CheckActivity(element, problems);
        var attributes = MlopsAttributes.Of(element);

        var roles = attributes.GetList(MlopsBpmn.CandidateRoles);
        if (roles.IsEmpty)
        {
            roles = options.DefaultCandidateRoles;
        }

        if (roles.IsDefaultOrEmpty)
        {
            problems.Add(element, $"the user task has no mlops:{MlopsBpmn.CandidateRoles}; name at least one role allowed to complete it, e.g. mlops:candidateRoles=\"approver\"");
            accepted = false;
        }

        var outcome = attributes.Get(MlopsBpmn.OutcomeVariable) ?? DefaultOutcomeVariable;
        if (!Condition.IsVariableName(outcome))
        {
            problems.Add(element, $"mlops:{MlopsBpmn.OutcomeVariable} '{outcome}' is not a variable name that conditions can test (letters, digits, '_' and '.')");
            accepted = false;
        }

        if (!accepted)
        {
            return null;
        }

        var properties = attributes.Except(MlopsBpmn.CandidateRoles, MlopsBpmn.OutcomeVariable);
        return new UserTask(id, element.DisplayName(), element.Line(), roles, outcome, properties);
    }

    /// <summary>Activity features that change execution and are not supported, reported before the mlops checks.</summary>
    private static bool CheckActivity(XElement element, ProblemList problems)
    {
        var accepted = ChildElementCheck.Check(element, problems);
        if (element.Flag("isForCompensation", fallback: false))
        {
            problems.Unsupported(element, $"{element.Kind()} (compensation handler)", "compensation is not executed");
            accepted = false;
        }

        if (element.Reference("default") is { } defaultFlow)
        {
            problems.Add(element, $"a default flow ('{defaultFlow}') out of an activity implies conditional flows, which are only supported out of exclusive gateways");
            accepted = false;
        }

        return accepted;
    }
}
