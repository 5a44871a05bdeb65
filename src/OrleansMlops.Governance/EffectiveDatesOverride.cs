namespace OrleansMlops.Governance;

/// <summary>
/// One rule set's effective dates from configuration. A null property keeps the file's date; an empty string removes
/// it (open-ended); anything else is an ISO 8601 date (midnight UTC) or date-time, <c>From</c> inclusive, <c>Until</c> exclusive.
/// </summary>
public sealed class EffectiveDatesOverride
{
    public string? From { get; set; }

    public string? Until { get; set; }
}
