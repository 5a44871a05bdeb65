using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Expressions.Views;

/// <summary>
/// What rule expressions see of a <see cref="GateInput"/> (parameter <c>input</c>): the same members and helper
/// methods as the fact records, with collections as arrays so <c>Any/All/Count/Contains</c> work on them. Built once
/// per evaluation; <c>run</c>, <c>model</c> and <c>actor</c> are its <see cref="Run"/>, <see cref="Model"/> and
/// <see cref="Actor"/>.
/// </summary>
public sealed class GateInputView
{
    private readonly GateInput _input;

    internal GateInputView(GateInput input)
    {
        _input = input;
        Run = new GateRunView(input.Run);
        Model = new GateModelView(input.Model);
        Actor = new ActorView(input.Actor);
    }

    public string Transition => _input.Transition;

    public GateRunView Run { get; }

    public GateModelView Model { get; }

    public ActorView Actor { get; }

    public GateEnvironmentFacts Environment => _input.Environment;

    public DateTimeOffset Now => _input.Now;
}
