using System.Linq.Expressions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Governance.Expressions.Views;
using RulesEngine.Models;

namespace OrleansMlops.Governance.Expressions;

/// <summary>
/// The names and types through which rule expressions address the gate input. Load-time checks and RulesEngine must
/// see exactly the same parameters, so both take them from here. Expressions run over views of the fact records
/// (<see cref="GateInputView"/> and friends: same member names, collections as arrays), because the expression
/// parser cannot apply <c>Any/All/Count/Contains</c> to the records' <c>ImmutableArray</c> members.
/// </summary>
internal static class RuleParameters
{
    public const string Input = "input";
    public const string Run = "run";
    public const string Model = "model";
    public const string Actor = "actor";

    /// <summary>The types rule expressions may read.</summary>
    public static readonly Type[] InputTypes =
    [
        typeof(GateInputView), typeof(GateRunView), typeof(GateModelView), typeof(ActorView),
        typeof(GateEnvironmentFacts), typeof(ThresholdCheck), typeof(ModelDocument), typeof(DatasetFile),
    ];

    /// <summary>Helper methods the facts offer rules, by declaring type; nothing else of theirs may be called.</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> FactMethods = new Dictionary<Type, string[]>
    {
        [typeof(ActorView)] = [nameof(ActorView.HasRole)],
        [typeof(GateRunView)] = [nameof(GateRunView.HasVariable), nameof(GateRunView.Variable)],
        [typeof(GateModelView)] =
        [
            nameof(GateModelView.HasMetric), nameof(GateModelView.Metric), nameof(GateModelView.HasDocument),
            nameof(GateModelView.DocumentAttribute), nameof(GateModelView.DocumentCovers), nameof(GateModelView.IsLiveIn),
            nameof(GateModelView.HasMonitoringMetric), nameof(GateModelView.MonitoringMetric),
        ],
    };

    public static ParameterExpression[] ForParsing() =>
    [
        Expression.Parameter(typeof(GateInputView), Input),
        Expression.Parameter(typeof(GateRunView), Run),
        Expression.Parameter(typeof(GateModelView), Model),
        Expression.Parameter(typeof(ActorView), Actor),
    ];

    public static RuleParameter[] ForEvaluation(GateInput input)
    {
        var view = new GateInputView(input);
        return
        [
            new(Input, view),
            new(Run, view.Run),
            new(Model, view.Model),
            new(Actor, view.Actor),
        ];
    }
}
