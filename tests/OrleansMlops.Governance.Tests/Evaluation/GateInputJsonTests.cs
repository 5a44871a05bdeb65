using System.Collections;
using System.Reflection;
using OrleansMlops.Governance.Evaluation;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests.Evaluation;

/// <summary>The decision snapshot (InputJson) reads back as the same gate input, so a dry run decides on what the gate saw.</summary>
public sealed class GateInputJsonTests
{
    [Fact]
    public void Snapshot_round_trips_to_an_equal_gate_input()
    {
        var input = GateInputs.WellFormed with
        {
            Model = GateInputs.WellFormed.Model with
            {
                Metrics = GateInputs.WellFormed.Model.Metrics.SetItem("nan", double.NaN).SetItem("tiny", 1e-300),
                ValidatedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, 123, TimeSpan.FromHours(2)),
            },
            Run = GateInputs.WellFormed.Run with { Validator = null },
        };

        var json = GateInputJson.Serialize(input);
        var back = GateInputJson.Deserialize(json);

        AssertDeepEqual(input, back, "input");
        Assert.Equal(json, GateInputJson.Serialize(back));
    }

    [Fact]
    public void Misspelt_fact_is_refused_with_its_path()
    {
        var json = GateInputJson.Serialize(GateInputs.WellFormed).Replace("\"riskClass\"", "\"riskclass\"", StringComparison.Ordinal);

        var error = Assert.Throws<System.Text.Json.JsonException>(() => GateInputJson.Deserialize(json));

        Assert.Contains("riskclass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_comparison_sees_a_difference_inside_a_collection()
    {
        var changed = GateInputs.WellFormed with
        {
            Model = GateInputs.WellFormed.Model with { Documents = GateInputs.WellFormed.Model.Documents.RemoveAt(0) },
        };

        Assert.ThrowsAny<Exception>(() => AssertDeepEqual(GateInputs.WellFormed, changed, "input"));
    }

    /// <summary>Records compare their collections by reference; this compares every property and element by value.</summary>
    private static void AssertDeepEqual(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected} vs {actual}");
            return;
        }

        var type = expected.GetType();
        Assert.Equal(type, actual.GetType());
        if (type.IsPrimitive || expected is string or DateTimeOffset or decimal or Enum)
        {
            Assert.True(expected.Equals(actual) && (expected is not DateTimeOffset time || time.Offset == ((DateTimeOffset)actual).Offset), $"{path}: {expected} vs {actual}");
            return;
        }

        if (expected is IDictionary expectedMap)
        {
            var actualMap = (IDictionary)actual;
            Assert.Equal(expectedMap.Count, actualMap.Count);
            foreach (DictionaryEntry entry in expectedMap)
            {
                AssertDeepEqual(entry.Value, actualMap[entry.Key], $"{path}[{entry.Key}]");
            }

            return;
        }

        if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.Equal(left.Count, right.Count);
            for (var i = 0; i < left.Count; i++)
            {
                AssertDeepEqual(left[i], right[i], $"{path}[{i}]");
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertDeepEqual(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }
}
