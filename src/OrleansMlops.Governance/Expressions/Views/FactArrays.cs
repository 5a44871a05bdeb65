using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace OrleansMlops.Governance.Expressions.Views;

/// <summary>
/// Exposes the facts' <see cref="ImmutableArray{T}"/> members as arrays. System.Linq.Dynamic.Core (and so RulesEngine)
/// cannot call <c>Any/All/Count/Contains</c> on a struct collection (it passes the struct where
/// <see cref="IEnumerable{T}"/> is expected, without boxing), but it can on an array, which also keeps <c>.Length</c>.
/// The array is the immutable array's own storage: nothing is copied, and rules cannot write (no assignment exists in
/// the expression language).
/// </summary>
internal static class FactArrays
{
    public static T[] Of<T>(ImmutableArray<T> values) => values.IsDefault ? [] : ImmutableCollectionsMarshal.AsArray(values)!;
}
