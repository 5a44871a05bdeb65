using System.Linq.Expressions;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
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
    public static readonly Type[] InputTypes = [typeof(GateInput), typeof(GateRunFacts), typeof(GateModelFacts), typeof(Actor)];

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
