using System.Globalization;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// When a rule set is in force: <c>[From, Until)</c>, either end open. Regulatory dates move (the AI Act's high-risk
/// duties did), so they are data in the file, compared with the gate input's <c>Now</c>, never the wall clock.
/// </summary>
internal sealed record EffectiveWindow(DateTimeOffset? From, DateTimeOffset? Until)
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public bool Contains(DateTimeOffset now) => (From is null || now >= From) && (Until is null || now < Until);

    /// <summary>Parses an ISO 8601 date (midnight UTC) or date-time; a time without an offset is taken as UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
