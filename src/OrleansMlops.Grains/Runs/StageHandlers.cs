using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Grains.Runs;

/// <summary>The stage handlers registered in DI, by stage name.</summary>
public sealed class StageHandlers
{
    private readonly Dictionary<string, IStageHandler> _byStage = new(StringComparer.OrdinalIgnoreCase);

    public StageHandlers(IEnumerable<IStageHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!_byStage.TryAdd(handler.Stage, handler))
            {
                throw new InvalidOperationException(
                    $"Two stage handlers claim stage '{handler.Stage}': {_byStage[handler.Stage].GetType().Name} and {handler.GetType().Name}.");
            }
        }
    }

    public IStageHandler? Find(string stage) => _byStage.GetValueOrDefault(stage);

    public IReadOnlyCollection<string> Stages => _byStage.Keys;
}
