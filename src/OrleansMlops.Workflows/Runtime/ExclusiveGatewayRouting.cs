using OrleansMlops.Abstractions;

namespace OrleansMlops.Workflows;

/// <summary>Picks the flow an exclusive gateway takes: the first, in document order, whose condition holds, else the default.</summary>
internal static class ExclusiveGatewayRouting
{
    /// <returns>The flow and why it was taken, or null with the reason no flow could be taken.</returns>
    public static (SequenceFlow? Flow, string Explanation) Choose(
        ProcessDefinition definition,
        ExclusiveGateway gateway,
        IReadOnlyDictionary<string, Variable> variables)
    {
        var outgoing = definition.Outgoing(gateway.Id);
        var errors = new List<string>();
        SequenceFlow? defaultFlow = null;
        foreach (var flow in outgoing)
        {
            if (flow.Id == gateway.DefaultFlowId)
            {
                defaultFlow = flow;
                continue;
            }

            // The loader only lets a flow without condition leave a gateway when it is the only one.
            if (flow.Condition is null)
            {
                return (flow, "the only outgoing flow");
            }

            if (flow.Condition.Evaluate(variables, out var error))
            {
                return (flow, $"condition {flow.Condition.Text} holds");
            }

            if (error is not null)
            {
                errors.Add($"flow '{flow.Id}' ({flow.Condition.Text}): {error}");
            }
        }

        if (defaultFlow is not null)
        {
            return (defaultFlow, "no condition holds; default flow");
        }

        var why = errors.Count == 0 ? string.Empty : $" Evaluation errors: {string.Join("; ", errors)}.";
        return (null, $"exclusive gateway '{gateway.DisplayName}' ({gateway.Id}) has no outgoing flow whose condition holds and no default flow.{why}");
    }
}
