using System.Globalization;

namespace OrleansMlops.Documents.Facts;

/// <summary>
/// How numbers and instants appear in the documents: invariant culture, UTC, fixed patterns. The same value is always
/// the same text, whatever the machine's culture or time zone.
/// </summary>
internal static class Invariant
{
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("0.######", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The first 12 characters of a hash, for diagrams where the full value would not fit.</summary>
    public static string Short(string hash) => hash.Length <= 12 ? hash : hash[..12] + "…";

    /// <summary>Dictionary entries in ordinal key order: hash-based dictionaries enumerate in an order that varies by process.</summary>
    public static IEnumerable<KeyValuePair<string, TValue>> Sorted<TValue>(IEnumerable<KeyValuePair<string, TValue>>? entries) =>
        (entries ?? []).OrderBy(e => e.Key, StringComparer.Ordinal);
}
