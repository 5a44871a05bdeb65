using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// Reads the <c>timeDuration</c> of a timer event definition. <c>timeDate</c> and <c>timeCycle</c> are refused: an
/// absolute date in a reusable model is almost always stale, and cycles would need repeating non-interrupting timers.
/// </summary>
internal static class TimerReader
{
    public static TimeSpan? ReadDuration(XElement owner, XElement timerDefinition, ProblemList problems)
    {
        var kind = owner.Kind();
        foreach (var refused in timerDefinition.BpmnChildren().Where(child => child.Kind() is "timeDate" or "timeCycle"))
        {
            problems.Unsupported(owner, $"{kind} ({refused.Kind()} timer)", "only timeDuration timers are supported");
        }

        var durations = timerDefinition.Elements(BpmnNames.Model + "timeDuration").ToList();
        if (durations.Count == 0)
        {
            if (!timerDefinition.BpmnChildren().Any(child => child.Kind() is "timeDate" or "timeCycle"))
            {
                problems.Add(owner, timerDefinition, "the timer has no timeDuration (an ISO-8601 duration such as PT48H)");
            }

            return null;
        }

        if (durations.Count > 1)
        {
            problems.Add(owner, durations[1], "the timer has more than one timeDuration");
            return null;
        }

        if (!IsoDuration.TryParse(durations[0].Value, out var duration, out var error))
        {
            problems.Add(owner, durations[0], $"bad timer duration: {error}");
            return null;
        }

        return duration;
    }
}
