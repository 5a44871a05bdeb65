using Dapper;

namespace OrleansMlops.Storage.Tests.PostgreSql;

/// <summary>
/// Runs the queries stored in OrleansQuery the way Orleans' ADO.NET providers do: looked up by key, parameters bound by
/// name (Dapper infers the same DbTypes from the .NET types Orleans passes), result columns read by name.
/// </summary>
internal static class StoredOrleansQueries
{
    public static Task<string> QueryTextAsync(this TempPostgreSqlDatabase database, string key) =>
        database.ScalarAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", new { key });

    /// <summary>The value of <paramref name="column"/> in every row of every result set.</summary>
    public static async Task<List<T>> ColumnAsync<T>(this TempPostgreSqlDatabase database, string key, object parameters, string column)
    {
        var sql = await database.QueryTextAsync(key);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var reader = await connection.ExecuteReaderAsync(sql, parameters);
        var values = new List<T>();
        do
        {
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetFieldValue<T>(reader.GetOrdinal(column)));
            }
        }
        while (await reader.NextResultAsync());

        return values;
    }

    /// <summary>The rows of the first result set, mapped by column name.</summary>
    public static async Task<List<TRow>> RowsAsync<TRow>(this TempPostgreSqlDatabase database, string key, object parameters)
    {
        var sql = await database.QueryTextAsync(key);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<TRow>(sql, parameters)).ToList();
    }

    /// <summary>Orleans' checks read a single boolean-convertible column of the single row.</summary>
    public static async Task<bool> SingleBooleanAsync(this TempPostgreSqlDatabase database, string key, object parameters)
    {
        var sql = await database.QueryTextAsync(key);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var reader = await connection.ExecuteReaderAsync(sql, parameters);
        Assert.True(await reader.ReadAsync(), $"{key} returned no row.");
        Assert.Equal(1, reader.FieldCount);
        var value = Convert.ToBoolean(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(await reader.ReadAsync(), $"{key} returned more than one row.");
        return value;
    }

    public static async Task<int> ExecuteStoredAsync(this TempPostgreSqlDatabase database, string key, object parameters)
    {
        var sql = await database.QueryTextAsync(key);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }
}
