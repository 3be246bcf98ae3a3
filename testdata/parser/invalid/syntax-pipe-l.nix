with {}; f <| a
