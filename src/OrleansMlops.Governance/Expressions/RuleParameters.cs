using System.Linq.Expressions;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using RulesEngine.Models;

namespace OrleansMlops.Governance.Expressions;

/// <summary>
/// The names and types through which rule expressions address the gate input. Load-time checks and RulesEngine must
/// see exactly the same parameters, so both take them from here.
/// </summary>
internal static class RuleParameters
{
    public const string Input = "input";
    public const string Run = "run";
    public const string Model = "model";
    public const string Actor = "actor";

    /// <summary>The record types rule expressions may read.</summary>
    public static readonly Type[] InputTypes =
    [
        typeof(GateInput), typeof(GateRunFacts), typeof(GateModelFacts), typeof(Actor),
        typeof(GateEnvironmentFacts), typeof(ThresholdCheck), typeof(ModelDocument), typeof(DatasetFile),
    ];

    /// <summary>Helper methods the fact records offer rules, by declaring type; nothing else of theirs may be called.</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> FactMethods = new Dictionary<Type, string[]>
    {
        [typeof(Actor)] = [nameof(OrleansMlops.Abstractions.Actor.HasRole)],
        [typeof(GateRunFacts)] = [nameof(GateRunFacts.HasVariable), nameof(GateRunFacts.Variable)],
        [typeof(GateModelFacts)] =
        [
            nameof(GateModelFacts.HasMetric), nameof(GateModelFacts.Metric), nameof(GateModelFacts.HasDocument),
            nameof(GateModelFacts.DocumentAttribute), nameof(GateModelFacts.DocumentCovers),
        ],
    };

    public static ParameterExpression[] ForParsing() =>
    [
        Expression.Parameter(typeof(GateInput), Input),
        Expression.Parameter(typeof(GateRunFacts), Run),
        Expression.Parameter(typeof(GateModelFacts), Model),
        Expression.Parameter(typeof(Actor), Actor),
    ];

    public static RuleParameter[] ForEvaluation(GateInput input) =>
    [
        new(Input, input),
        new(Run, input.Run),
        new(Model, input.Model),
        new(Actor, input.Actor),
    ];
}
