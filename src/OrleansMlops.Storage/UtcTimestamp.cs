using System.Globalization;

namespace OrleansMlops.Storage;

/// <summary>
/// The one text form of instants in storage and in audit hashes: UTC, round-trip ("O") format.
/// It has a fixed width, so text order equals time order, and it keeps every tick, so a value read back is equal.
/// </summary>
internal static class UtcTimestamp
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
