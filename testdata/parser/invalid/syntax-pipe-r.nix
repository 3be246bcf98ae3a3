with {}; a |> f
