namespace Zoo.Core.Wps;

/// <summary>One ows:Exception of a report: OGC exception code, optional locator, and text.</summary>
public sealed record OwsError(string Code, string? Locator, string Text);
