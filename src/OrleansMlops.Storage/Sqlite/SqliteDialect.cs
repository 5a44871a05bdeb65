using System.Data.Common;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Sqlite;

/// <summary>SQLite's side of <see cref="SqlDialect"/>.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    // Dapper expands a list parameter into (@p1, @p2, …) on connections without array parameters, such as SQLite's.
    internal override string InList(string column, string parameter) => $"{column} IN @{parameter}";

    internal override string JsonArrayHasObjectWith(string column, string property, string parameter) =>
        $"EXISTS (SELECT 1 FROM json_each({column}) j WHERE json_extract(j.value, '$.{property}') = @{parameter})";

    internal override Task ApplyScriptAsync(DbDataSource dataSource, string fileName, CancellationToken cancellationToken) =>
        SqliteDatabase.ApplyAsync(dataSource, [SchemaScripts.Sqlite.Load(fileName)], cancellationToken);
}
