using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Models;

/// <summary>
/// Which version of a model is live in one environment, the full history of changes (oldest first), and the version a
/// rollback would return to (null: nothing to return to).
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.model-environment-view")]
public sealed record ModelEnvironmentView(
    [property: Id(0)] string ModelName,
    [property: Id(1)] string Environment,
    [property: Id(2)] int? LiveVersion,
    [property: Id(3)] int? RollbackTarget,
    [property: Id(4)] ImmutableArray<DeploymentEntry> History)
{
    /// <summary>The version live at <paramref name="at"/> (null: none yet, or before the first deployment).</summary>
    public int? VersionAt(DateTimeOffset at)
    {
        int? live = null;
        foreach (var entry in History)
        {
            if (entry.At > at)
            {
                break;
            }

            live = entry.Version;
        }

        return live;
    }
}
