namespace Zoo.Core.Processes.Otb;

/// <summary>
/// The words of an Orfeo ToolBox application's run, the same whether it runs here or in a cluster's job script:
/// the command, then the inputs in order, then the outputs. Each value is one word (no shell ever reads it here;
/// the job script quotes each word), and <see cref="OtbArgument"/> keeps it a value for the application.
/// </summary>
public static class OtbCommandLine
{
    /// <exception cref="OtbValueException">a value the application would change, drop or read as an option.</exception>
    /// <exception cref="ArgumentException">an input or output has the name of one of the application's global options.</exception>
    public static IReadOnlyList<string> Words(IEnumerable<string> command, IReadOnlyList<OtbInput> inputs, IReadOnlyList<OtbOutput> outputs)
    {
        var words = new List<string>(command);
        foreach (var input in inputs)
        {
            OtbArgument.CheckName(input.Name);
            words.Add("-" + input.Name);
            foreach (var value in input.Values)
            {
                OtbArgument.CheckValue(input.Name, value);
                words.Add(value);
            }
        }
        foreach (var output in outputs)
        {
            OtbArgument.CheckName(output.Name);
            words.Add("-" + output.Name);
            OtbArgument.CheckValue(output.Name, output.Path);
            words.Add(output.Path);
            if (output.PixelType is { } pixelType)
            {
                OtbArgument.CheckPixelType(output.Name, pixelType);
                words.Add(pixelType);
            }
        }
        return words;
    }
}
