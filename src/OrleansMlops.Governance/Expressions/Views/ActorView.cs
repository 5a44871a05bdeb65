using OrleansMlops.Abstractions;

namespace OrleansMlops.Governance.Expressions.Views;

/// <summary>What rule expressions see of an <see cref="Actor"/>: the same members, <c>Roles</c> as an array.</summary>
public sealed class ActorView
{
    private readonly Actor _actor;

    internal ActorView(Actor actor)
    {
        _actor = actor;
        Roles = FactArrays.Of(actor.Roles);
    }

    public string Id => _actor.Id;

    public string[] Roles { get; }

    public string? Unit => _actor.Unit;

    public bool HasRole(string role) => _actor.HasRole(role);

    internal static ActorView? Of(Actor? actor) => actor is null ? null : new ActorView(actor);
}
