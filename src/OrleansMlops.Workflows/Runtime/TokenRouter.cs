using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows;

/// <summary>
/// Moves tokens along sequence flows until each one rests in a wait state (stage gate, user task, timer, join, an
/// incident at a gateway) or is consumed by an end event. Work is queued, not recursive, and bounded by <see cref="MaxMoves"/>, so a model that
/// loops through gateways without any wait state fails the run instead of hanging the caller.
/// </summary>
internal sealed class TokenRouter(ProcessRun run)
{
    public const int MaxMoves = 10_000;

    private readonly Queue<(string TokenId, SequenceFlow Flow)> inTransit = new();
    private int moves;

    private ProcessDefinition Definition => run.Definition;

    /// <summary>The token leaves <paramref name="node"/>: the first flow keeps the token, every other flow gets a new one.</summary>
    public void Leave(string tokenId, FlowNode node, IReadOnlyList<SequenceFlow> flows, string? detail = null)
    {
        if (flows.Count == 0)
        {
            // The loader refuses such models; failing loudly beats losing a token if a definition is ever built otherwise.
            run.Fail($"node '{node.Id}' has no outgoing sequence flow", node.Id, tokenId);
            return;
        }

        run.Record(TransitionStepKind.NodeLeft, node.Id, tokenId, detail);
        run.MarkCompleted(node.Id);
        for (var index = 0; index < flows.Count; index++)
        {
            inTransit.Enqueue((index == 0 ? tokenId : run.NewTokenId(), flows[index]));
        }
    }

    /// <summary>Moves every token in transit, then completes the run if no token is left anywhere.</summary>
    public void MoveUntilWaiting()
    {
        while (run.IsRunning && inTransit.TryDequeue(out var move))
        {
            if (++moves > MaxMoves)
            {
                run.Fail(
                    $"more than {MaxMoves} moves without reaching a wait state (last towards '{move.Flow.TargetId}'); "
                    + "the model probably loops through gateways without a task or timer in the loop",
                    move.Flow.TargetId,
                    move.TokenId);
                return;
            }

            Arrive(move.TokenId, move.Flow);
        }

        if (run.IsRunning && run.Tokens.Count == 0)
        {
            run.Complete();
        }
    }

    private void Arrive(string tokenId, SequenceFlow flow)
    {
        var node = Definition.Node(flow.TargetId);
        run.Record(TransitionStepKind.FlowTaken, node.Id, tokenId, flow.Id);
        run.Record(TransitionStepKind.NodeEntered, node.Id, tokenId);
        switch (node)
        {
            case StageTask:
                Rest(tokenId, node, TokenStatus.AwaitingGate, flow);
                break;
            case UserTask:
                Rest(tokenId, node, TokenStatus.WaitingForUser, flow);
                foreach (var timer in Definition.BoundaryTimersOf(node.Id))
                {
                    run.ScheduleTimer(tokenId, timer.Id, TimerKind.Boundary, timer.Duration);
                }

                break;
            case IntermediateTimerEvent timerEvent:
                Rest(tokenId, node, TokenStatus.WaitingForTimer, flow);
                run.ScheduleTimer(tokenId, timerEvent.Id, TimerKind.Intermediate, timerEvent.Duration);
                break;
            case ExclusiveGateway gateway:
                Route(tokenId, gateway, flow.Id);
                break;
            case ParallelGateway gateway when Definition.Incoming(gateway.Id).Length > 1:
                Join(tokenId, gateway, flow);
                break;
            case EndEvent end:
                Finish(tokenId, end);
                break;
            default:
                Leave(tokenId, node, Definition.Outgoing(node.Id));
                break;
        }
    }

    private void Rest(string tokenId, FlowNode node, TokenStatus status, SequenceFlow flow) =>
        run.AddToken(new Token(tokenId, node.Id, status, 0, flow.Id, run.NewActivation()));

    /// <summary>Takes the flow the gateway chooses; a condition that cannot be evaluated leaves the token there as an incident.</summary>
    public void Route(string tokenId, ExclusiveGateway gateway, string? arrivedVia)
    {
        var route = ExclusiveGatewayRouting.Choose(Definition, gateway, run.Variables);
        if (route.IsIncident)
        {
            run.AddToken(new Token(tokenId, gateway.Id, TokenStatus.Incident, 0, arrivedVia, run.NewActivation(), route.Explanation));
            run.Record(TransitionStepKind.IncidentRaised, gateway.Id, tokenId, route.Explanation);
            return;
        }

        if (route.Flow is null)
        {
            run.Fail(route.Explanation, gateway.Id, tokenId);
            return;
        }

        Leave(tokenId, gateway, [route.Flow], route.Explanation);
    }

    /// <summary>Waits until a token has come over every incoming flow; those are consumed and one new token goes on.</summary>
    private void Join(string tokenId, ParallelGateway gateway, SequenceFlow arrivedVia)
    {
        run.AddToken(new Token(tokenId, gateway.Id, TokenStatus.WaitingAtJoin, 0, arrivedVia.Id, run.NewActivation()));
        var joined = new List<Token>();
        foreach (var incoming in Definition.Incoming(gateway.Id))
        {
            var waiting = run.Tokens.FirstOrDefault(token =>
                token.NodeId == gateway.Id && token.Status == TokenStatus.WaitingAtJoin && token.ArrivedVia == incoming.Id);
            if (waiting is null)
            {
                return;
            }

            joined.Add(waiting);
        }

        joined.ForEach(run.RemoveToken);
        var continuing = run.NewTokenId();
        var names = string.Join(", ", joined.Select(token => token.TokenId));
        Leave(continuing, gateway, Definition.Outgoing(gateway.Id), $"joined {names} into {continuing}");
    }

    private void Finish(string tokenId, EndEvent end)
    {
        run.EndNodeId = end.Id;
        run.Record(TransitionStepKind.NodeLeft, end.Id, tokenId, "token consumed");
        run.MarkCompleted(end.Id);
        if (end.Terminate)
        {
            inTransit.Clear();
            run.Terminate(end, tokenId);
        }
    }
}
