using System.Data.Common;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.PostgreSql;

/// <summary>PostgreSQL's side of <see cref="SqlDialect"/>.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    // Dapper passes a list to Npgsql as one array parameter, unexpanded; PostgreSQL compares with an array through ANY.
    internal override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    // The column stays text, byte for byte as written (jsonb would reformat it); it is parsed only for the lookup.
    internal override string JsonArrayHasObjectWith(string column, string property, string parameter) =>
        $"EXISTS (SELECT 1 FROM jsonb_array_elements({column}::jsonb) j WHERE j ->> '{property}' = @{parameter})";

    internal override Task ApplyScriptAsync(DbDataSource dataSource, string fileName, CancellationToken cancellationToken) =>
        PostgreSqlDatabase.ApplyAsync(dataSource, [SchemaScripts.PostgreSql.Load(fileName)], cancellationToken);
}
