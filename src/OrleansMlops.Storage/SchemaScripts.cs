using System.Reflection;

namespace OrleansMlops.Storage;

/// <summary>
/// The embedded schema scripts of one database, run in ordinal file-name order: 0xx are Orleans' tables and queries,
/// 1xx ours. Every script is idempotent, so all of them run at every start.
/// </summary>
internal sealed class SchemaScripts
{
    private readonly string _resourcePrefix;

    private SchemaScripts(string folder) => _resourcePrefix = $"OrleansMlops.Storage.Sql.{folder}.";

    public static SchemaScripts Sqlite { get; } = new("Sqlite");

    public static SchemaScripts PostgreSql { get; } = new("PostgreSql");

    public IReadOnlyList<string> FileNames() =>
        Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(_resourcePrefix, StringComparison.Ordinal))
            .Select(name => name[_resourcePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<(string FileName, string Sql)> Load() =>
        FileNames().Select(Load).ToList();

    /// <summary>One script, for a store that creates its own table when it is used before the schema is applied.</summary>
    public (string FileName, string Sql) Load(string fileName) => (fileName, Read(fileName));

    private static Assembly Assembly => typeof(SchemaScripts).Assembly;

    private string Read(string fileName)
    {
        using var stream = Assembly.GetManifestResourceStream(_resourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded SQL script '{_resourcePrefix}{fileName}' is missing from {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
