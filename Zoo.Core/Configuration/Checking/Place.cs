namespace Zoo.Core.Configuration.Checking;

/// <summary>Where a finding is: a file, its line (0 when the problem is the whole file's or a key that is absent), the key.</summary>
/// <param name="Section">the main.cfg or oas.cfg section of the key; null in a .zcfg.</param>
/// <param name="Key">the key at fault, null when none is.</param>
public sealed record Place(string File, int Line, string? Section = null, string? Key = null);
