using System.Reflection;

namespace OrleansMlops.Storage.Sqlite;

/// <summary>The embedded SQLite scripts, in the order they must run (Orleans' query table first).</summary>
internal static class SqliteSchemaScripts
{
    /// <summary>File names under Sql/Sqlite; a script that is embedded but not listed here is never run.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "001-orleans-main.sql",
        "002-orleans-persistence.sql",
        "003-orleans-reminders.sql",
        "101-audit.sql",
        "102-runs.sql",
        "103-rule-set-versions.sql",
        "104-gate-decisions.sql",
        "105-model-registry.sql",
        "106-prediction-log.sql",
        "107-evidence-documents.sql",
    ];

    private const string ResourcePrefix = "OrleansMlops.Storage.Sql.Sqlite.";

    /// <summary>Names of every embedded SQLite script, listed or not (lets tests catch a forgotten one).</summary>
    public static IReadOnlyList<string> EmbeddedFileNames() =>
        Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<(string FileName, string Sql)> Load() =>
        FileNames.Select(fileName => (fileName, Read(fileName))).ToList();

    private static Assembly Assembly => typeof(SqliteSchemaScripts).Assembly;

    private static string Read(string fileName)
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded SQL script '{ResourcePrefix}{fileName}' is missing from {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
