using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace PackGuard.Tests.Support;

/// <summary>
/// Every regex an assembly of the product holds where reflection can see it: each
/// <c>[GeneratedRegex]</c> method's instance and each static <see cref="Regex"/> field. Regexes
/// built at run time go through <c>RegexSafety.Create</c>, the only constructor not banned.
/// </summary>
public static class ProductRegexes
{
    private const BindingFlags Statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<(string Name, Regex Regex)> In(Assembly assembly)
    {
        var found = new List<(string, Regex)>();
        foreach (var type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            foreach (var method in type.GetMethods(Statics))
            {
                if (method.GetCustomAttribute<GeneratedRegexAttribute>() is not null && method.GetParameters().Length == 0)
                    found.Add(($"{type.FullName}.{method.Name}()", (Regex)method.Invoke(null, null)!));
            }
            foreach (var field in type.GetFields(Statics).Where(f => typeof(Regex).IsAssignableFrom(f.FieldType)))
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                if (field.GetValue(null) is Regex regex)
                    found.Add(($"{type.FullName}.{field.Name}", regex));
            }
        }
        return found;
    }

    /// <summary>Inputs that make backtracking engines take exponential or quadratic time.</summary>
    public static IEnumerable<string> Pathological()
    {
        yield return new string('a', 100_000);
        yield return new string('a', 100_000) + "!";
        yield return string.Concat(Enumerable.Repeat("(?i)", 25_000));
        yield return string.Concat(Enumerable.Repeat("tok:", 25_000));
        yield return string.Concat(Enumerable.Repeat("0_", 50_000)) + ":";
        yield return new string('\u001b', 50_000) + "[" + new string('9', 50_000);
        yield return string.Concat(Enumerable.Repeat("a ", 50_000));
        yield return new string(' ', 100_000) + "\n";
    }
}
