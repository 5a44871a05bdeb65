using OrleansMlops.Abstractions;
using OrleansMlops.Host.Identity;

namespace OrleansMlops.Host.Demo;

/// <summary>The people of the README's walkthrough: three different persons from three units, as four-eyes demands.</summary>
internal static class DemoActors
{
    public static readonly Actor Alice = SamplePrincipals.Person("alice");
    public static readonly Actor Vera = SamplePrincipals.Person("vera");
    public static readonly Actor Bob = SamplePrincipals.Person("bob");
}
