namespace ContainerHealth.Inspection;

public enum FactsSource
{
    /// <summary>Read from the image's layers.</summary>
    Layers,

    /// <summary>Guessed from the image's name (a well-known family) because the layers could not be read.</summary>
    Name,

    /// <summary>Neither readable nor a known family: nothing is known.</summary>
    Unknown,
}
