using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Expressions.Views;

/// <summary>What rule expressions see of <see cref="GateRunFacts"/>: the same members, actors as <see cref="ActorView"/>.</summary>
public sealed class GateRunView
{
    private readonly GateRunFacts _run;

    internal GateRunView(GateRunFacts run)
    {
        _run = run;
        Submitter = new ActorView(run.Submitter);
        Trainer = ActorView.Of(run.Trainer);
        Validator = ActorView.Of(run.Validator);
        Approver = ActorView.Of(run.Approver);
    }

    public string RunId => _run.RunId;

    public string WorkflowId => _run.WorkflowId;

    public int WorkflowVersion => _run.WorkflowVersion;

    public string? NodeId => _run.NodeId;

    public string? Stage => _run.Stage;

    public ImmutableDictionary<string, string> Variables => _run.Variables;

    public ActorView Submitter { get; }

    public ActorView? Trainer { get; }

    public ActorView? Validator { get; }

    public ActorView? Approver { get; }

    public DateTimeOffset StartedAt => _run.StartedAt;

    public ImmutableDictionary<string, double> Thresholds => _run.Thresholds;

    public bool HasVariable(string name) => _run.HasVariable(name);

    public string Variable(string name) => _run.Variable(name);
}
