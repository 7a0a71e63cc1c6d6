namespace PackGuard.Dependencies.Online;

/// <summary>Whether a package name is taken on the public registry of its ecosystem.</summary>
public enum RegistryPresence
{
    /// <summary>The registry has a package of that name: someone owns it.</summary>
    Exists,

    /// <summary>The registry answered that it has no package of that name: nobody has published it.</summary>
    Missing,

    /// <summary>The registry could not be asked or gave no usable answer; <see cref="RegistryPackage.Error"/> says why.</summary>
    Unknown,
}
