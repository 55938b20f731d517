namespace Zoo.Core.Configuration.Checking;

/// <summary>One problem <c>--check-config</c> found, with its place and what to know or do about it.</summary>
public sealed record Finding(Severity Severity, Place Place, string Message);
