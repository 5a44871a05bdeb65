using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;

namespace OrleansMlops.Governance.Expressions;

/// <summary>
/// The only types an expression may name, besides System.Linq.Dynamic.Core's predefined ones (string, Math, …):
/// the gate input records (so <c>actor.HasRole("approver")</c> is callable) and <see cref="Enumerable"/>, which
/// RulesEngine exposes too, so that <c>Enumerable.Range(…)</c> parses here and is refused by the allowlist with a
/// precise reason. Nothing is resolved by name from loaded assemblies.
/// </summary>
internal sealed class GovernanceTypeProvider : IDynamicLinqCustomTypeProvider
{
    private readonly HashSet<Type> _types = [.. RuleParameters.InputTypes, typeof(Enumerable)];

    public HashSet<Type> GetCustomTypes() => _types;

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => [];

    public Type? ResolveType(string typeName) => null;

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => null;
}
