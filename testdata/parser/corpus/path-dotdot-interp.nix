with {}; [ ../corpus/${x} ./../corpus/a/${x} ]
