using OrleansMlops.Abstractions;

namespace OrleansMlops.Workflows;

/// <summary>
/// Picks the flow an exclusive gateway takes: the first, in document order, whose condition holds, else the default.
/// A condition that cannot be evaluated (division by zero, text compared with a number) stops the token as an
/// incident: taking the default flow instead would hide the error and route the run on a guess.
/// </summary>
internal static class ExclusiveGatewayRouting
{
    public static GatewayRoute Choose(ProcessDefinition definition, ExclusiveGateway gateway, IReadOnlyDictionary<string, Variable> variables)
    {
        SequenceFlow? defaultFlow = null;
        foreach (var flow in definition.Outgoing(gateway.Id))
        {
            if (flow.Id == gateway.DefaultFlowId)
            {
                defaultFlow = flow;
                continue;
            }

            // The loader only lets a flow without condition leave a gateway when it is the only one.
            if (flow.Condition is null)
            {
                return GatewayRoute.Take(flow, "the only outgoing flow");
            }

            if (flow.Condition.Evaluate(variables, out var error))
            {
                return GatewayRoute.Take(flow, $"condition {flow.Condition.Text} holds");
            }

            if (error is not null)
            {
                return GatewayRoute.Incident(
                    $"exclusive gateway '{gateway.DisplayName}' ({gateway.Id}) cannot evaluate the condition of flow '{flow.Id}' ({flow.Condition.Text}): {error}");
            }
        }

        return defaultFlow is not null
            ? GatewayRoute.Take(defaultFlow, "no condition holds; default flow")
            : GatewayRoute.Fail($"exclusive gateway '{gateway.DisplayName}' ({gateway.Id}) has no outgoing flow whose condition holds and no default flow.");
    }
}

/// <summary>Where a token goes from an exclusive gateway: a flow, an incident to fix, or nowhere (the run fails).</summary>
internal readonly record struct GatewayRoute(SequenceFlow? Flow, string Explanation, bool IsIncident)
{
    public static GatewayRoute Take(SequenceFlow flow, string why) => new(flow, why, false);

    public static GatewayRoute Incident(string error) => new(null, error, true);

    public static GatewayRoute Fail(string reason) => new(null, reason, false);
}
