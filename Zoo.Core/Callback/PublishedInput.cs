namespace Zoo.Core.Callback;

/// <summary>A value of an input given by value that the callback service published: its input, which value (from 0), and the URL that now serves it.</summary>
public sealed record PublishedInput(string InputId, int Index, string Url);
