using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Environments;

/// <summary>
/// Replays an environment's history as a stack of releases: a deployment pushes its version (unless it is already on
/// top), a rollback pops the live one. The top is live; the one below is where a rollback returns. So after v1, v2,
/// v3 a first rollback returns to v2 and a second to v1, never back to the version just rolled back from.
/// </summary>
internal static class ReleaseStack
{
    public static (int? Live, int? RollbackTarget) Replay(IEnumerable<DeploymentEntry> history)
    {
        var stack = new List<int>();
        foreach (var entry in history)
        {
            if (entry.Kind == DeploymentKind.Rollback && stack.Count > 0)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            if (stack.Count == 0 || stack[^1] != entry.Version)
            {
                stack.Add(entry.Version);
            }
        }

        return (stack.Count > 0 ? stack[^1] : null, stack.Count > 1 ? stack[^2] : null);
    }
}
